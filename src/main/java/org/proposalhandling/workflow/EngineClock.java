package org.proposalhandling.workflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock, so that dates the app records move with the clock the process tests move. */
public final class EngineClock {

  /** Deadlines are counted in Beijing time, wherever the server runs. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private EngineClock() {
  }

  public static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  public static LocalDate today() {
    return LocalDate.ofInstant(now(), ZONE);
  }
}
