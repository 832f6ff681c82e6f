/**
 * The administrators' side of the meetings: {@link io.github.feishuvc.report.MeetingDataOperations} (every meeting of
 * the tenant, its participants and their media quality), {@link io.github.feishuvc.report.ReportOperations} (daily use
 * and top users) and {@link io.github.feishuvc.report.AlertOperations} (the room devices' alerts), what applications
 * inject, and their immutable models.
 */
@NullMarked
package io.github.feishuvc.report;

import org.jspecify.annotations.NullMarked;
