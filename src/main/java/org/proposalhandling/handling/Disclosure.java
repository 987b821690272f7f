package org.proposalhandling.handling;

/** Whether a reply is published (国办发〔2014〕46号): in principle yes, unless the proposer objects. */
public enum Disclosure {
  PUBLIC("主动公开"),
  ON_REQUEST("依申请公开"),
  NOT_PUBLIC("不予公开");

  private final String label;

  Disclosure(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static String labelOf(String name) {
    return name == null ? "" : valueOf(name).label();
  }
}
