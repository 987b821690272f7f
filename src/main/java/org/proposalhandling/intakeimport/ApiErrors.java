package org.proposalhandling.intakeimport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The imports' and batch assignments' refusals as JSON, in Chinese: 400 with every error, 403, 404. */
@RestControllerAdvice(annotations = ClerkApi.class)
class ApiErrors {

  @ExceptionHandler(ImportRejectedException.class)
  ResponseEntity<Map<String, Object>> rejected(ImportRejectedException e) {
    List<Map<String, Object>> errors = e.errors().stream().map(error -> {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("row", error.row() == 0 ? null : error.row());
      json.put("column", error.column());
      json.put("message", error.message());
      return json;
    }).toList();
    return ResponseEntity.badRequest().body(Map.of("type", "ImportRejected",
        "message", "共有 " + e.total() + " 处错误" + (e.unlisted() > 0 ? "（列出前 " + errors.size() + " 处）" : "")
            + "，未作任何处理。", "errors", errors));
  }

  @ExceptionHandler(Clerks.NotAllowedException.class)
  ResponseEntity<Map<String, Object>> notAllowed(Clerks.NotAllowedException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("type", "NotAllowed", "message", e.getMessage()));
  }

  @ExceptionHandler(NoSuchElementException.class)
  ResponseEntity<Map<String, Object>> notFound(NoSuchElementException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("type", "NotFound", "message", e.getMessage()));
  }
}
