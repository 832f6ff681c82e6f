package io.github.feishuvc.recipes;

import io.github.feishuvc.core.FeishuVcClient;
import io.github.feishuvc.export.ExportOperations;
import io.github.feishuvc.reserve.ReserveOperations;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recipe "A test profile without Feishu": the test profile switches the client off
 * ({@code application-test.properties}: {@code feishu.vc.enabled=false}), so the application starts with no
 * credentials, and the operations its beans inject are mocks.
 */
@SpringBootTest
@ActiveProfiles("test")
class NoFeishuApplicationTests {

	@MockitoBean
	ReserveOperations reserves;

	@MockitoBean
	ExportOperations exports;

	@Autowired
	ApplicationContext context;

	@Test
	void shouldStartWithoutFeishuCredentials() {
		assertThat(this.context.getBeanNamesForType(FeishuVcClient.class)).isEmpty();
		assertThat(this.context.getBean(MeetingExports.class)).isNotNull();
	}

}
