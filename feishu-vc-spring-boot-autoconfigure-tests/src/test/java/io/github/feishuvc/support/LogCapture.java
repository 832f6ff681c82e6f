package io.github.feishuvc.support;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** Every log line of a logger (and those below it) at a level, for tests that read what was logged. */
public final class LogCapture implements AutoCloseable {

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final Logger logger;

	private final Level previousLevel;

	private LogCapture(String loggerName, Level level) {
		LoggerContext loggers = (LoggerContext) LoggerFactory.getILoggerFactory();
		this.logger = loggers.getLogger(loggerName);
		this.previousLevel = this.logger.getLevel();
		this.logger.setLevel(level);
		this.appender.setContext(loggers);
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	/** Capture everything from the root logger down at TRACE. */
	public static LogCapture everything() {
		return of(Logger.ROOT_LOGGER_NAME, Level.TRACE);
	}

	public static LogCapture of(String loggerName, Level level) {
		return new LogCapture(loggerName, level);
	}

	/**
	 * The events so far. Netty threads may still log while a test reads; {@code AppenderBase.doAppend} synchronizes
	 * on the appender, so a copy taken under that lock is consistent.
	 */
	public List<ILoggingEvent> events() {
		synchronized (this.appender) {
			return new ArrayList<>(this.appender.list);
		}
	}

	/** Each event as logger name, message and stack trace. */
	public List<String> lines() {
		return events().stream().map(LogCapture::fullText).toList();
	}

	public static String fullText(ILoggingEvent event) {
		String text = event.getLoggerName() + " " + event.getFormattedMessage();
		return (event.getThrowableProxy() != null) ? text + " " + ThrowableProxyUtil.asString(event.getThrowableProxy())
				: text;
	}

	@Override
	public void close() {
		this.logger.detachAppender(this.appender);
		this.logger.setLevel(this.previousLevel);
	}

}
