package org.proposalhandling.numbering.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.proposalhandling.directory.Role;
import org.proposalhandling.directory.Unit;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.numbering.NumberSeries;
import org.proposalhandling.numbering.NumberSeries.Series;
import org.proposalhandling.workflow.FormValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the assigning office or the unit itself (its office heads and responsible officials) reads and sets a
 * handling unit's number series for a year, under /api with HTTP Basic like the other API calls:
 * <pre>
 * GET /api/units/{unit}/numbering/{year}
 * PUT /api/units/{unit}/numbering/{year}   {"nextDocumentNumber": 11, "nextIndexSerial": 2116}  (either or both)
 * </pre>
 * 200 with the series as they now stand; 400 with a Chinese message when a next number is not above the last
 * one issued (nothing is changed then); 403 for anyone else; 404 for an unknown handling unit.
 */
@RestController
@RequestMapping("/api/units/{unitId}/numbering/{year}")
class NumberSeriesController {

  record NextNumbers(Integer nextDocumentNumber, Integer nextIndexSerial) {
  }

  private final NumberSeries series;
  private final UnitDirectory units;
  private final IdentityService identity;

  NumberSeriesController(NumberSeries series, UnitDirectory units, IdentityService identity) {
    this.series = series;
    this.units = units;
    this.identity = identity;
  }

  @GetMapping
  ResponseEntity<Map<String, Object>> read(@PathVariable String unitId, @PathVariable int year) {
    Unit unit = allowedUnit(unitId, year);
    return ResponseEntity.ok(state(unit, year));
  }

  @PutMapping
  ResponseEntity<Map<String, Object>> set(@PathVariable String unitId, @PathVariable int year, @RequestBody NextNumbers body) {
    Unit unit = allowedUnit(unitId, year);
    if (body.nextDocumentNumber() == null && body.nextIndexSerial() == null) {
      throw new FormValidationException("请填写下一个发文字号序号（nextDocumentNumber）或索引号序号（nextIndexSerial）。");
    }
    series.setNext(unit.id(), year, body.nextDocumentNumber(), body.nextIndexSerial());
    return ResponseEntity.ok(state(unit, year));
  }

  private Map<String, Object> state(Unit unit, int year) {
    int lastDocument = series.last(Series.DOCUMENT, unit.id(), year);
    int lastIndex = series.last(Series.INDEX, unit.id(), year);
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("unit", unit.name());
    state.put("year", year);
    state.put("lastDocumentNumber", lastDocument);
    state.put("nextDocumentNumber", lastDocument + 1);
    state.put("nextDocumentNumberText", unit.documentPrefix() == null ? null
        : unit.documentPrefix() + "〔" + year + "〕" + (lastDocument + 1) + "号");
    state.put("lastIndexSerial", lastIndex);
    state.put("nextIndexSerial", lastIndex + 1);
    return state;
  }

  /** The handling unit, if the user is a clerk of its assigning office or one of its heads or officials. */
  private Unit allowedUnit(String unitId, int year) {
    Unit unit = units.find(unitId).filter(found -> !found.assigningOffice())
        .orElseThrow(() -> new UnknownUnitException("没有编号为「" + unitId + "」的承办单位。"));
    if (year < 2000 || year > 2100) {
      throw new FormValidationException("年份「" + year + "」无效。");
    }
    Authentication user = identity.getCurrentAuthentication();
    boolean office = units.unitsOf(user, Role.CLERK).stream().anyMatch(clerkOf -> clerkOf.id().equals(unit.officeId()));
    boolean own = units.unitsOf(user, Role.HEAD).contains(unit) || units.unitsOf(user, Role.OFFICIAL).contains(unit);
    if (!office && !own) {
      throw new NotAllowedException("只有" + units.nameOf(unit.officeId()) + "的交办员或" + unit.name()
          + "的负责人可以设置该单位的编号。");
    }
    return unit;
  }

  @ExceptionHandler(FormValidationException.class)
  ResponseEntity<Map<String, String>> refused(FormValidationException e) {
    return ResponseEntity.badRequest().body(Map.of("type", "FormValidationException", "message", e.getMessage()));
  }

  @ExceptionHandler(NotAllowedException.class)
  ResponseEntity<Map<String, String>> notAllowed(NotAllowedException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("type", "NotAllowed", "message", e.getMessage()));
  }

  @ExceptionHandler(UnknownUnitException.class)
  ResponseEntity<Map<String, String>> unknown(UnknownUnitException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("type", "NotFound", "message", e.getMessage()));
  }

  static class NotAllowedException extends RuntimeException {
    NotAllowedException(String message) {
      super(message);
    }
  }

  static class UnknownUnitException extends RuntimeException {
    UnknownUnitException(String message) {
      super(message);
    }
  }
}
