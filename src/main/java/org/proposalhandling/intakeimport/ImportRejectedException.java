package org.proposalhandling.intakeimport;

import java.util.List;

/** A file, or a confirmation, refused: the errors found (the first of them when there are very many), none started. */
public class ImportRejectedException extends RuntimeException {

  private final transient List<ImportError> errors;
  private final int unlisted;

  ImportRejectedException(List<ImportError> errors, int unlisted) {
    super((errors.size() + unlisted) + " errors, first: " + errors.get(0).where() + errors.get(0).message());
    this.errors = List.copyOf(errors);
    this.unlisted = unlisted;
  }

  public ImportRejectedException(List<ImportError> errors) {
    this(errors, 0);
  }

  public ImportRejectedException(ImportError error) {
    this(List.of(error));
  }

  List<ImportError> errors() {
    return errors;
  }

  /** Errors found beyond those listed. */
  int unlisted() {
    return unlisted;
  }

  int total() {
    return errors.size() + unlisted;
  }
}
