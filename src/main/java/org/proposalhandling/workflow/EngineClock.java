package org.proposalhandling.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock, so that dates the app records move with the clock the process tests move, read in the
 * office's zone ({@link OfficeClock}, proposals.office.zone), wherever the server runs.
 */
public final class EngineClock {

  static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

  /** JVM-wide like ClockUtil's time, which it reads: set once at start by {@link OfficeClock}. */
  private static volatile ZoneId zone = DEFAULT_ZONE;

  private EngineClock() {
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** The office's zone: deadlines are counted, and times shown, in it. */
  public static ZoneId zone() {
    return zone;
  }

  public static LocalDate today() {
    return LocalDate.ofInstant(now(), zone);
  }

  static void useZone(ZoneId officeZone) {
    zone = officeZone;
  }
}
