package org.proposalhandling.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload above the servlet container's limit (spring.servlet.multipart.*, above every feature's own limit):
 * the request is refused before any controller sees it, so this answers for all of them, in Chinese, with 413
 * and the page the user came from (a JSON body to the API). Before this the container's English error page.
 */
@ControllerAdvice
class UploadLimit {

  private final MultipartProperties multipart;

  UploadLimit(MultipartProperties multipart) {
    this.multipart = multipart;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  Object tooLarge(HttpServletRequest request, HttpServletResponse response) {
    String message = "上传的文件超过了 " + multipart.getMaxFileSize().toMegabytes() + " MB 的上限，未上传。请压缩或拆分后再上传。";
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("type", "TooLarge", "message", message));
    }
    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
    ModelAndView page = new ModelAndView("refused");
    page.addObject("heading", "文件过大");
    page.addObject("message", message);
    page.addObject("back", sameSiteReferer(request));
    page.addObject("backLabel", "返回");
    return page;
  }

  /** The page the upload came from, if it is this site's; the workspace otherwise. */
  private static String sameSiteReferer(HttpServletRequest request) {
    try {
      URI referer = URI.create(request.getHeader("Referer"));
      boolean sameSite = request.getServerName().equals(referer.getHost()) && request.getServerPort() == referer.getPort();
      return sameSite && referer.getRawPath() != null ? referer.getRawPath() : "/";
    } catch (RuntimeException none) {
      return "/";
    }
  }
}
