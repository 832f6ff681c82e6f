package io.github.feishuvc.sample;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import io.github.feishuvc.core.FeishuVcException;
import io.github.feishuvc.export.ExportOperations;
import io.github.feishuvc.report.DailyReport;
import io.github.feishuvc.report.MeetingListQuery;
import io.github.feishuvc.report.ReportOperations;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Last: the administrators' side. Prints the tenant's meeting use today (UTC), from the daily report, then exports
 * today's meeting list and downloads the spreadsheet to {@code sample.export-directory}. The app needs the
 * {@code vc:report:readonly} and {@code vc:export} scopes, and its creator the admin console's meeting management
 * privilege; without them the platform refuses, and the sample says so.
 */
@Component
@Profile("!web & !store & !login")
@Order(4)
class MeetingDataPrinter implements ApplicationRunner {

	private final ReportOperations reports;

	private final ExportOperations exports;

	private final Path exportDirectory;

	MeetingDataPrinter(ReportOperations reports, ExportOperations exports,
			@Value("${sample.export-directory}") Path exportDirectory) {
		this.reports = reports;
		this.exports = exports;
		this.exportDirectory = exportDirectory;
	}

	@Override
	public void run(ApplicationArguments args) {
		Instant now = Instant.now();
		Instant today = now.truncatedTo(ChronoUnit.DAYS);
		System.out.println();
		System.out.println("Meeting use today (" + today.atOffset(ZoneOffset.UTC).toLocalDate() + ", UTC):");
		try {
			DailyReport report = this.reports.daily(today, now.plusSeconds(60)).block();
			System.out.println("  " + report.totalMeetingCount() + " meeting(s), " + report.totalParticipantCount()
					+ " participant(s), " + report.totalMeetingDuration() + " in all");
		}
		catch (FeishuVcException ex) {
			System.out.println("  not readable: " + ex.getMessage());
		}
		try {
			Path file = this.exports.meetings(MeetingListQuery.between(today, now))
				.flatMap(this.exports::awaitFile)
				.flatMap((task) -> this.exports.downloadTo(task.fileToken(), this.exportDirectory))
				.block();
			System.out.println("  today's meeting list exported to " + file.toAbsolutePath());
		}
		catch (FeishuVcException ex) {
			System.out.println("  not exported: " + ex.getMessage());
		}
	}

}
