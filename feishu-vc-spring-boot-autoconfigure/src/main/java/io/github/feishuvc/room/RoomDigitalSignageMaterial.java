package io.github.feishuvc.room;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * One picture or video of a digital signage ({@code room_digital_signage_material}).
 *
 * @param id the material's id; absent for a new one
 * @param name its name
 * @param materialTypeCode the raw {@code material_type} code; see {@link #materialType()}
 * @param url where it is
 * @param duration how many seconds it plays, 1 to 43200
 * @param cover its cover image, a URL
 * @param md5 the MD5 of its file
 * @param vid the id of its video file
 * @param size the size of its file in bytes (a string on the wire)
 */
public record RoomDigitalSignageMaterial(@Nullable String id, @Nullable String name, @Nullable Integer materialTypeCode,
		@Nullable String url, @Nullable Integer duration, @Nullable String cover, @Nullable String md5,
		@Nullable String vid, @JsonFormat(shape = JsonFormat.Shape.STRING) @Nullable Long size) {

	/**
	 * A new material to play, of a type, from a URL, for some seconds.
	 * @param name its name
	 * @param type its type
	 * @param url where it is
	 * @param seconds how long it plays
	 * @return the material
	 */
	public static RoomDigitalSignageMaterial of(String name, MaterialType type, String url, int seconds) {
		return new RoomDigitalSignageMaterial(null, name, CodedEnum.codeToSend(type, "type"), url, seconds, null, null,
				null, null);
	}

	/**
	 * The material's type.
	 * @return the type, {@link MaterialType#UNKNOWN} for a code this version does not know, {@code null} if absent
	 */
	public @Nullable MaterialType materialType() {
		return MaterialType.fromCode(this.materialTypeCode);
	}

}
