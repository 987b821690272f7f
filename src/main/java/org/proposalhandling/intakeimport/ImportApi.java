package org.proposalhandling.intakeimport;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports for REST clients, as the assigning office's clerk (HTTP Basic, like the rest of /api):
 * <pre>
 * POST /api/imports              multipart "file" (.xlsx or .csv): 202 {"id", ...progress}, started at once;
 *                                with preview=true: 201 {"id", "preview"}, started by POST .../start
 * POST /api/imports/{id}/start   202
 * GET  /api/imports/{id}         {"state", "total", "started", "failed", "pending", "failures"}
 * GET  /api/imports/{id}/preview counts per kind and unit, possible duplicates
 * </pre>
 * A file with errors answers 400 with every error (row, column, message) and nothing is imported.
 */
@RestController
@ClerkApi
@RequestMapping("/api/imports")
class ImportApi {

  private final IntakeImports imports;
  private final Clerks clerks;

  ImportApi(IntakeImports imports, Clerks clerks) {
    this.imports = imports;
    this.clerks = clerks;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Object> upload(@RequestParam("file") MultipartFile file,
                                @RequestParam(defaultValue = "false") boolean preview) {
    Clerk clerk = clerks.current();
    ImportStore.ImportRecord record = UploadedFile.spooled(file, path -> imports.prepare(clerk, file.getOriginalFilename(), path));
    if (preview) {
      return ResponseEntity.status(HttpStatus.CREATED)
          .body(Map.of("id", record.id(), "state", record.state(), "preview", imports.preview(clerk, record.id())));
    }
    imports.start(clerk, record.id());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(imports.progress(clerk, record.id()));
  }

  @PostMapping("/{id}/start")
  ResponseEntity<IntakeImports.Progress> start(@PathVariable String id) {
    Clerk clerk = clerks.current();
    imports.start(clerk, id);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(imports.progress(clerk, id));
  }

  @GetMapping("/{id}")
  IntakeImports.Progress progress(@PathVariable String id) {
    return imports.progress(clerks.current(), id);
  }

  @GetMapping("/{id}/preview")
  ImportPreview.Preview preview(@PathVariable String id) {
    return imports.preview(clerks.current(), id);
  }
}
