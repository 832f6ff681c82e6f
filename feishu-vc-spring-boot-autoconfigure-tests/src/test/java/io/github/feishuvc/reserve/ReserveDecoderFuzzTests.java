package io.github.feishuvc.reserve;

import io.github.feishuvc.internal.ReserveApis;
import io.github.feishuvc.core.ResponseReader;
import io.github.feishuvc.support.DecoderFuzzing;
import io.github.feishuvc.support.TestFeishu;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five reserve responses' decoders, fuzzed from the platform's documented examples (see {@link DecoderFuzzing}).
 */
class ReserveDecoderFuzzTests {

	@Test
	void shouldDecodeOrRefuseEveryMutationOfTheGetResponse() {
		assertThat(DecoderFuzzing.fuzz("reserve.get", TestFeishu.referenceResponse(), ReserveApis.GET.reader()))
			.containsKey("decoded");
	}

	@Test
	void shouldDecodeOrRefuseEveryMutationOfTheApplyResponse() {
		assertThat(DecoderFuzzing.fuzz("reserve.apply", TestFeishu.documentedResponse("reserve-apply-response.json"),
				ReserveApis.APPLY.reader()))
			.containsKey("decoded");
	}

	@Test
	void shouldDecodeOrRefuseEveryMutationOfTheUpdateResponse() {
		assertThat(DecoderFuzzing.fuzz("reserve.update", TestFeishu.documentedResponse("reserve-update-response.json"),
				ReserveApis.APPLY.reader()))
			.containsKey("decoded");
	}

	@Test
	void shouldDecodeOrRefuseEveryMutationOfTheDeleteResponse() {
		assertThat(DecoderFuzzing.fuzz("reserve.delete", TestFeishu.documentedResponse("reserve-delete-response.json"),
				ResponseReader.acknowledgement()))
			.containsKey("decoded");
	}

	@Test
	void shouldDecodeOrRefuseEveryMutationOfTheActiveMeetingResponse() {
		assertThat(DecoderFuzzing.fuzz("reserve.get_active_meeting", TestFeishu.activeMeetingResponse(),
				ReserveApis.GET_ACTIVE_MEETING.reader()))
			.containsKey("decoded");
	}

}
