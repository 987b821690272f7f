package org.proposalhandling.directory;

/**
 * A government unit: an assigning office (交办机构) or a handling unit (承办单位). Its id is also the
 * Camunda group of its staff and the prefix of its role groups, e.g. "jl-mz" and "jl-mz-handler".
 */
public record Unit(String id, String name, String documentPrefix, boolean assigningOffice) {
}
