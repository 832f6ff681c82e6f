package io.github.feishuvc.sample;

import java.util.List;

import io.github.feishuvc.reserve.ReserveOperations;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * As a store app: reads one reservation for each tenant, each with that tenant's own token. The first call finds no
 * app ticket, asks the platform to push one to this application's event endpoint, and goes on once it arrives.
 */
@Component
@Profile("store")
class StoreReservePrinter implements ApplicationRunner {

	private final ReserveOperations reserves;

	private final List<String> tenants;

	private final List<String> reserveIds;

	StoreReservePrinter(ReserveOperations reserves, @Value("${sample.tenants}") List<String> tenants,
			@Value("${sample.tenant-reserve-ids}") List<String> reserveIds) {
		if (tenants.isEmpty() || tenants.size() != reserveIds.size()) {
			throw new IllegalArgumentException("Name the tenants (FEISHU_VC_TENANT_KEYS) and one reservation of each "
					+ "(FEISHU_VC_TENANT_RESERVE_IDS), in the same order");
		}
		this.reserves = reserves;
		this.tenants = tenants;
		this.reserveIds = reserveIds;
	}

	@Override
	public void run(ApplicationArguments args) {
		System.out.println("Store app acting for " + this.tenants.size() + " tenants:");
		for (int i = 0; i < this.tenants.size(); i++) {
			System.out.println();
			System.out.println("Tenant " + this.tenants.get(i));
			ReservePrinter.print(this.reserves.forTenant(this.tenants.get(i)).get(this.reserveIds.get(i)).block());
		}
	}

}
