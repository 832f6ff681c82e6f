package io.github.feishuvc.sample.mvc;

import io.github.feishuvc.core.FeishuVcException;
import io.github.feishuvc.core.FeishuVcNotFoundException;
import io.github.feishuvc.core.FeishuVcPermissionDeniedException;
import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveOperations;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reads a reservation the blocking way. A Spring MVC handler runs on a thread of its own request (a virtual thread when
 * Spring Boot enables them, else one of Tomcat's pool), never on the Reactor Netty thread that makes the call: waiting
 * there with {@code block()} holds only this request's thread. An error of the platform is thrown by {@code block()}
 * as the starter's typed exception, which the handlers below turn into answers.
 */
@RestController
class ReserveController {

	private final ReserveOperations reserves;

	ReserveController(ReserveOperations reserves) {
		this.reserves = reserves;
	}

	@GetMapping("/reserves/{reserveId}")
	Reserve reserve(@PathVariable String reserveId) {
		return this.reserves.get(reserveId).block();
	}

	@ExceptionHandler(FeishuVcNotFoundException.class)
	ProblemDetail notFound(FeishuVcNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, ex);
	}

	@ExceptionHandler(FeishuVcPermissionDeniedException.class)
	ProblemDetail forbidden(FeishuVcPermissionDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, ex);
	}

	@ExceptionHandler(FeishuVcException.class)
	ProblemDetail badGateway(FeishuVcException ex) {
		return problem(HttpStatus.BAD_GATEWAY, ex);
	}

	private static ProblemDetail problem(HttpStatus status, FeishuVcException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setProperty("feishuLogId", ex.logId());
		return problem;
	}

}
