package io.github.feishuvc.sample.mvc;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import io.github.feishuvc.core.FeishuVcException;
import io.github.feishuvc.core.FeishuVcPermissionDeniedException;
import io.github.feishuvc.export.ExportOperations;
import io.github.feishuvc.export.ExportTask;
import io.github.feishuvc.report.MeetingListQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Streams an exported spreadsheet to the browser, which saves it under the name {@code Content-Disposition} gives.
 * The export's buffers go to the response as they arrive and are released as they are written
 * ({@link DataBufferUtils#subscriberInputStream} holds a few at most): the file is never held whole. The app needs the
 * {@code vc:export} scope, and its creator the admin console's meeting management privilege.
 */
@RestController
class ExportController {

	/** The media type of the platform's exports. */
	static final MediaType SPREADSHEET = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	/** How many of the download's buffers may wait to be written. */
	private static final int BUFFERS_AHEAD = 4;

	private final ExportOperations exports;

	ExportController(ExportOperations exports) {
		this.exports = exports;
	}

	/**
	 * The list of a day's meetings (a day in UTC), today unless said.
	 * @param day the day, such as {@code 2026-12-06}
	 * @return the spreadsheet, streamed
	 */
	@GetMapping("/exports/meetings")
	ResponseEntity<StreamingResponseBody> meetings(@RequestParam(required = false) @Nullable LocalDate day) {
		LocalDate date = (day != null) ? day : LocalDate.now(ZoneOffset.UTC);
		Instant from = date.atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant dayEnd = from.plus(Duration.ofDays(1));
		Instant now = Instant.now();
		Instant to = now.isBefore(dayEnd) ? now : dayEnd;
		// The platform writes the file first (seconds, within feishu.vc.export.await-timeout): the request's thread waits.
		ExportTask task = this.exports.meetings(MeetingListQuery.between(from, to))
			.flatMap(this.exports::awaitFile)
			.block();
		String fileToken = task.fileToken();
		// Runs on a thread of Spring MVC's (a virtual thread when Spring Boot enables them) once the headers are sent.
		StreamingResponseBody body = (out) -> {
			try (InputStream file = DataBufferUtils.subscriberInputStream(this.exports.download(fileToken),
					BUFFERS_AHEAD)) {
				file.transferTo(out);
			}
		};
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("meetings-" + date + ".xlsx").build().toString())
			.contentType(SPREADSHEET)
			.body(body);
	}

	/** A day in the future, or beyond what the platform keeps. */
	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	@ExceptionHandler(FeishuVcPermissionDeniedException.class)
	ProblemDetail forbidden(FeishuVcPermissionDeniedException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
	}

	@ExceptionHandler(FeishuVcException.class)
	ProblemDetail badGateway(FeishuVcException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
	}

}
