package org.proposalhandling.directory;

/**
 * A government unit: an assigning office (交办机构) or a handling unit (承办单位). Its id is also the
 * Camunda group of its staff and the prefix of its role groups, e.g. "jl-mz" and "jl-mz-handler".
 * A handling unit is in the jurisdiction of one assigning office ({@code officeId}); only that office
 * assigns items to it. The organisation code (统一社会信用代码) starts the index numbers of its published replies.
 * The short name is the one replies use (省财政厅); a unit without one goes by its full name.
 */
public record Unit(String id, String name, String shortName, String documentPrefix, boolean assigningOffice,
                   String officeId, String organisationCode) {

  /** The full name with the short one, for lists a clerk searches by either: 吉林省财政厅（省财政厅）. */
  public String label() {
    return shortName == null || shortName.isBlank() || shortName.equals(name) ? name : name + "（" + shortName + "）";
  }
}
