package io.github.feishuvc.minutes;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A minute's token from the links the platform's documents show (a recording's URL, a minute's own, a search's
 * {@code app_link}, with a trailing slash or a query as its CLI allows), and no token from anything else.
 */
class MinuteLinksTests {

	@ParameterizedTest
	@CsvSource({
			"https://meetings.feishu.cn/minutes/obcn37dxcftoc3656rgyejm7, obcn37dxcftoc3656rgyejm7",
			"https://sample.feishu.cn/minutes/obcnq3b9jl72l83w4f14xxxx, obcnq3b9jl72l83w4f14xxxx",
			"https://bytedance.feishu-pre.cn/minutes/obcnq3b9jl72l83w4f14xxxx, obcnq3b9jl72l83w4f14xxxx",
			"https://example.feishu.cn/minutes/obbcwkkdw885tetaf82pu184/, obbcwkkdw885tetaf82pu184",
			"https://meetings.feishu.cn/minutes/obcn37dxcftoc3656rgyejm7?from=vc&t=1#top, obcn37dxcftoc3656rgyejm7",
			"http://127.0.0.1:8080/minutes/obcn37dxcftoc3656rgyejm7, obcn37dxcftoc3656rgyejm7",
			"'  https://meetings.feishu.cn/minutes/obcn37dxcftoc3656rgyejm7  ', obcn37dxcftoc3656rgyejm7" })
	void shouldReadTheTokenOfTheLinksTheDocumentsShow(String link, String token) {
		assertThat(MinuteLinks.token(link)).isEqualTo(token);
		assertThat(MinuteLinks.find(link)).contains(token);
	}

	@ParameterizedTest
	@ValueSource(strings = { "obcn37dxcftoc3656rgyejm7", "https://meetings.feishu.cn/minutes/",
			"https://meetings.feishu.cn/minutes/obcn37dx", "https://meetings.feishu.cn/minutes/OBCN37DXCFTOC3656RGYEJM7",
			"https://meetings.feishu.cn/minutes/obcn37dxcftoc3656rgyejm7/transcript",
			"https://meetings.feishu.cn/notes/obcn37dxcftoc3656rgyejm7", "https://vc.feishu.cn/j/123456789",
			"ftp://meetings.feishu.cn/minutes/obcn37dxcftoc3656rgyejm7", "/minutes/obcn37dxcftoc3656rgyejm7",
			"https://meetings.feishu.cn/minutes/obcn37dxcftoc3656rgyejm7x", "not a link at all", "https://[::1" })
	void shouldRefuseWhatIsNotALinkToAMinute(String link) {
		assertThat(MinuteLinks.find(link)).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> MinuteLinks.token(link))
			.withMessageContaining("Not a link to a minute");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = "   ")
	void shouldFindNothingInNoLink(String link) {
		assertThat(MinuteLinks.find(link)).isEmpty();
	}

}
