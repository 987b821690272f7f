package org.proposalhandling.intakeimport;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Past replies for REST clients, as the assigning office's clerk (HTTP Basic):
 * <pre>
 * POST /api/imports/history   multipart "file" (.xlsx or .csv): 200 {"preview", "loaded"}; with preview=true
 *                             only checked ("loaded" null)
 * </pre>
 * A file with errors answers 400 with every error (row, column, message) and nothing is loaded.
 */
@RestController
@ClerkApi
@RequestMapping("/api/imports/history")
class PastReplyApi {

  private final PastReplies pastReplies;
  private final Clerks clerks;

  PastReplyApi(PastReplies pastReplies, Clerks clerks) {
    this.pastReplies = pastReplies;
    this.clerks = clerks;
  }

  @PostMapping
  PastReplies.Outcome upload(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "false") boolean preview) {
    return pastReplies.take(clerks.current(), file, !preview);
  }
}
