package io.github.feishuvc.recipes;

import java.nio.file.Path;
import java.time.Instant;

import io.github.feishuvc.export.ExportOperations;
import io.github.feishuvc.report.MeetingListQuery;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** Exports the meetings of a time window to a spreadsheet in a directory. */
@Service
class MeetingExports {

	private final ExportOperations exports;

	MeetingExports(ExportOperations exports) {
		this.exports = exports;
	}

	Mono<Path> spreadsheet(Instant from, Instant to, Path directory) {
		return this.exports.meetings(MeetingListQuery.between(from, to))
			.flatMap(this.exports::awaitFile)
			.flatMap((task) -> this.exports.downloadTo(task.fileToken(), directory));
	}

}
