package cn.smartaffairs.excel;

import java.util.List;

/** An import with errors: nothing of it was saved, and every error found is listed. */
public class ImportRejectedException extends RuntimeException {

  private final transient List<ImportError> errors;

  public ImportRejectedException(List<ImportError> errors) {
    super(errors.size() + " import errors");
    this.errors = List.copyOf(errors);
  }

  public List<ImportError> errors() {
    return errors;
  }
}
