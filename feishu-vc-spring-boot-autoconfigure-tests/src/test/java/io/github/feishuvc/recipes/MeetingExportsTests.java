package io.github.feishuvc.recipes;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveApplyRequest;
import io.github.feishuvc.reserve.ReserveMeetingSettingRequest;
import io.github.feishuvc.reserve.ReserveOperations;
import io.github.feishuvc.test.AutoConfigureFeishuVcEmulator;
import io.github.feishuvc.test.FeishuVcEmulator;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recipe "Exporting a spreadsheet": a meeting held and ended on the emulator, the application's export of the hour's
 * meetings downloaded, and the spreadsheet opened with Apache POI.
 */
@SpringBootTest
@AutoConfigureFeishuVcEmulator
class MeetingExportsTests {

	@Autowired
	FeishuVcEmulator emulator;

	@Autowired
	ReserveOperations reserves;

	@Autowired
	MeetingExports meetingExports;

	@Test
	void shouldExportTheHoursMeetingsToASpreadsheet(@TempDir Path directory) throws Exception {
		Reserve reserve = this.reserves.apply(ReserveApplyRequest.builder()
			.endTime(Instant.now().plus(Duration.ofDays(1)))
			.ownerId("ou_owner")
			.meetingSettings(ReserveMeetingSettingRequest.builder().topic("Quarterly review").build())
			.build()).block().reserve();
		this.emulator.meetings().start(reserve.id());
		this.emulator.meetings().end(reserve.id());

		Instant now = Instant.now();
		Path file = this.meetingExports.spreadsheet(now.minus(Duration.ofHours(1)), now.plus(Duration.ofMinutes(1)),
				directory).block();

		try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter cells = new DataFormatter();
			assertThat(cells.formatCellValue(sheet.getRow(0).getCell(1))).isEqualTo("会议主题");
			assertThat(cells.formatCellValue(sheet.getRow(1).getCell(1))).isEqualTo("Quarterly review");
		}
	}

}
