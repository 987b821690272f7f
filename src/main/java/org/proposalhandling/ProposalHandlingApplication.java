package org.proposalhandling;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ProposalHandlingApplication {

  public static void main(String[] args) {
    SpringApplication.run(ProposalHandlingApplication.class, args);
  }
}
