package org.proposalhandling.sms.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * proposals.sms: the SMPP 3.4 gateway (an operator's SMS centre or an SMS service's gateway) texts go through.
 *
 * @param enabled whether the app sends texts at all; off, the SMS steps store nothing (the demo profile turns it
 *     on with its own SMPP server)
 * @param host the gateway's host
 * @param port the gateway's SMPP port
 * @param systemId the account (system_id) the app binds with
 * @param password the account's password (at most 8 characters in SMPP 3.4)
 * @param systemType the system_type some gateways ask for; empty for none
 * @param bindType TRANSCEIVER (sends and receives delivery receipts on one session) or TRANSMITTER (sends only:
 *     no receipts reach the timeline)
 * @param sourceAddress the sender's number or alphanumeric id the gateway assigned (e.g. 10690...)
 * @param signature the sender's name in 【】 put before every text, as Chinese operators require
 * @param connectTimeout how long the TCP connection to the gateway may take
 * @param bindTimeout how long the gateway may take to answer the bind
 * @param responseTimeout how long the gateway may take to answer each submitted segment; a gateway that accepts
 *     and never answers costs one failed attempt of this length, and the text is retried
 */
@ConfigurationProperties("proposals.sms")
public record SmsProperties(@DefaultValue("false") boolean enabled, @DefaultValue("localhost") String host,
                            @DefaultValue("2775") int port, @DefaultValue("") String systemId,
                            @DefaultValue("") String password, @DefaultValue("") String systemType,
                            @DefaultValue("TRANSCEIVER") BindMode bindType, @DefaultValue("") String sourceAddress,
                            @DefaultValue("【建议提案办理系统】") String signature,
                            @DefaultValue("PT5S") Duration connectTimeout, @DefaultValue("PT10S") Duration bindTimeout,
                            @DefaultValue("PT10S") Duration responseTimeout) {

  /** How the app binds to the gateway. */
  public enum BindMode { TRANSCEIVER, TRANSMITTER }
}
