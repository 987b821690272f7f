package org.proposalhandling.calendar;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * proposals.holidays of application.yaml.
 *
 * @param directory where the administrator puts the State Council's file of a new year, {@code YYYY.yaml}
 *     in the format of {@code seeds/holidays/}; read at start and by {@code POST /api/holidays/reload}. A
 *     file there replaces the shipped file of the same year; a year without a file counts on the provisional calendar
 *     (statutory holidays only, no 调休). Unset: the shipped files only
 */
@ConfigurationProperties("proposals.holidays")
record HolidayProperties(Path directory) {
}
