package io.github.feishuvc.room;

import org.jspecify.annotations.Nullable;

/**
 * A scope of the legacy fixed hierarchy (tenant, country or region, city, building, floor, room) that the
 * {@code room_configs} endpoints address: its kind and the ids that kind needs. Make one with the factories.
 *
 * @param scopeCode the raw {@code scope} code; see {@link #scope()}
 * @param countryId the country or region, for a country or a city
 * @param districtId the city, for a city
 * @param buildingId the building, for a building or a floor
 * @param floorName the floor, for a floor
 * @param roomId the room, for a room
 */
public record RoomConfigLocation(@Nullable Integer scopeCode, @Nullable String countryId, @Nullable String districtId,
		@Nullable String buildingId, @Nullable String floorName, @Nullable String roomId) {

	/**
	 * The whole tenant.
	 * @return the location
	 */
	public static RoomConfigLocation tenant() {
		return new RoomConfigLocation(RoomConfigScope.TENANT.code(), null, null, null, null, null);
	}

	/**
	 * A country or region.
	 * @param countryId its id, such as {@code 086}
	 * @return the location
	 */
	public static RoomConfigLocation country(String countryId) {
		return new RoomConfigLocation(RoomConfigScope.COUNTRY_DISTRICT.code(), countryId, null, null, null, null);
	}

	/**
	 * A city.
	 * @param countryId its country's or region's id
	 * @param districtId its id
	 * @return the location
	 */
	public static RoomConfigLocation city(String countryId, String districtId) {
		return new RoomConfigLocation(RoomConfigScope.CITY.code(), countryId, districtId, null, null, null);
	}

	/**
	 * A building.
	 * @param buildingId its id
	 * @return the location
	 */
	public static RoomConfigLocation building(String buildingId) {
		return new RoomConfigLocation(RoomConfigScope.BUILDING.code(), null, null, buildingId, null, null);
	}

	/**
	 * A floor of a building.
	 * @param buildingId the building's id
	 * @param floorName the floor
	 * @return the location
	 */
	public static RoomConfigLocation floor(String buildingId, String floorName) {
		return new RoomConfigLocation(RoomConfigScope.FLOOR.code(), null, null, buildingId, floorName, null);
	}

	/**
	 * One room.
	 * @param roomId its id
	 * @return the location
	 */
	public static RoomConfigLocation room(String roomId) {
		return new RoomConfigLocation(RoomConfigScope.ROOM.code(), null, null, null, null, roomId);
	}

	/**
	 * The kind of scope.
	 * @return the kind, {@link RoomConfigScope#UNKNOWN} for a code this version does not know, {@code null} if absent
	 */
	public @Nullable RoomConfigScope scope() {
		return RoomConfigScope.fromCode(this.scopeCode);
	}

	/**
	 * Make sure the ids the kind needs are there.
	 * @throws IllegalArgumentException naming what is missing
	 */
	void validate() {
		RoomConfigScope scope = scope();
		if (scope == null || scope == RoomConfigScope.UNKNOWN) {
			throw new IllegalArgumentException("RoomConfigLocation.scope must be one the platform knows, not "
					+ this.scopeCode);
		}
		switch (scope) {
			case COUNTRY_DISTRICT -> required(this.countryId, "countryId");
			case CITY -> {
				required(this.countryId, "countryId");
				required(this.districtId, "districtId");
			}
			case BUILDING -> required(this.buildingId, "buildingId");
			case FLOOR -> {
				required(this.buildingId, "buildingId");
				required(this.floorName, "floorName");
			}
			case ROOM -> required(this.roomId, "roomId");
			default -> {
			}
		}
	}

	private void required(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("RoomConfigLocation." + name + " is required for scope " + scope());
		}
	}

}
