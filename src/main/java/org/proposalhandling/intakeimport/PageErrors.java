package org.proposalhandling.intakeimport;

import jakarta.servlet.http.HttpServletResponse;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** The imports' and batch assignments' refusals as a page, in Chinese: 400, 403, 404. */
@ControllerAdvice(annotations = ClerkPage.class)
class PageErrors {

  @ExceptionHandler(Clerks.NotAllowedException.class)
  String notAllowed(Clerks.NotAllowedException e, Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.FORBIDDEN.value());
    return refused(model, e.getMessage());
  }

  @ExceptionHandler(NoSuchElementException.class)
  String notFound(NoSuchElementException e, Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    return refused(model, e.getMessage());
  }

  @ExceptionHandler(ImportRejectedException.class)
  String rejected(ImportRejectedException e, Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    return refused(model, String.join(" ", e.errors().stream().map(ImportError::message).toList()));
  }

  private static String refused(Model model, String message) {
    model.addAttribute("heading", "无法处理");
    model.addAttribute("message", message);
    model.addAttribute("back", "/imports");
    model.addAttribute("backLabel", "返回批量导入");
    return "refused";
  }
}
