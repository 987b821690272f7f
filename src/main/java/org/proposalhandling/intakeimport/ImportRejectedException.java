package org.proposalhandling.intakeimport;

import java.util.List;

/** A file, or a confirmation, refused: every error found, none started. */
class ImportRejectedException extends RuntimeException {

  private final transient List<ImportError> errors;

  ImportRejectedException(List<ImportError> errors) {
    super(errors.size() + " errors, first: " + errors.get(0).where() + errors.get(0).message());
    this.errors = List.copyOf(errors);
  }

  ImportRejectedException(ImportError error) {
    this(List.of(error));
  }

  List<ImportError> errors() {
    return errors;
  }
}
