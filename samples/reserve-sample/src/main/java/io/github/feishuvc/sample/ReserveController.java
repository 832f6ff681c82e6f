package io.github.feishuvc.sample;

import io.github.feishuvc.core.FeishuVcException;
import io.github.feishuvc.core.FeishuVcNotFoundException;
import io.github.feishuvc.core.FeishuVcPermissionDeniedException;
import io.github.feishuvc.reserve.Reserve;
import io.github.feishuvc.reserve.ReserveOperations;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * How most applications use the starter: inject {@link ReserveOperations} and return its {@link Mono} from a
 * WebFlux handler, no blocking anywhere.
 */
@RestController
class ReserveController {

	private final ReserveOperations reserves;

	ReserveController(ReserveOperations reserves) {
		this.reserves = reserves;
	}

	@GetMapping("/reserves/{reserveId}")
	Mono<Reserve> reserve(@PathVariable String reserveId) {
		return this.reserves.get(reserveId);
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
