package io.github.feishuvc.room;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.feishuvc.core.CodedEnum;
import org.jspecify.annotations.Nullable;

/**
 * The configuration of one scope, a level or a room ({@code scope_config}).
 *
 * @param scopeTypeCode the raw {@code scope_type} code; see {@link #scopeType()}
 * @param scopeId the level's or the room's id
 * @param config its configuration
 */
public record ScopeConfig(@Nullable Integer scopeTypeCode, @Nullable String scopeId,
		@JsonProperty("scope_config") @Nullable RoomConfig config) {

	/**
	 * The configuration of a scope.
	 * @param scopeType a level or a room
	 * @param scopeId its id
	 * @param config its configuration
	 * @return the scope's configuration
	 * @throws IllegalArgumentException if the type is {@code null} or {@link ScopeType#UNKNOWN}
	 */
	public static ScopeConfig of(ScopeType scopeType, String scopeId, RoomConfig config) {
		return new ScopeConfig(CodedEnum.codeToSend(scopeType, "scopeType"), scopeId, config);
	}

	/**
	 * What the configuration applies to.
	 * @return the type, {@link ScopeType#UNKNOWN} for a code this version does not know, {@code null} if absent
	 */
	public @Nullable ScopeType scopeType() {
		return ScopeType.fromCode(this.scopeTypeCode);
	}

}
