package io.github.feishuvc.auth;

import io.github.feishuvc.support.DecoderFuzzing;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token responses' decoder, fuzzed from the platform's documented examples (see {@link DecoderFuzzing}).
 */
class TokenDecoderFuzzTests {

	@Test
	void shouldDecodeOrRefuseEveryMutationOfTheTenantTokenResponse() {
		assertThat(DecoderFuzzing.fuzz("tenant_access_token", """
				{"code": 0, "msg": "ok", "tenant_access_token": "t-caecc734c2e3328a62489fe0648c4b98779515d3", "expire": 7200}
				""", AccessTokenResponse.TENANT_TOKEN))
			.containsKey("decoded");
	}

	@Test
	void shouldDecodeOrRefuseEveryMutationOfTheAppTokenResponse() {
		assertThat(DecoderFuzzing.fuzz("app_access_token", """
				{"code": 0, "msg": "ok", "app_access_token": "a-6U1SbDiM6XIH2DcTCPyeub", "expire": 7140}
				""", AccessTokenResponse.APP_TOKEN))
			.containsKey("decoded");
	}

}
