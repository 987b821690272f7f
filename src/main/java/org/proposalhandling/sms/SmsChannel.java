package org.proposalhandling.sms;

import java.io.IOException;

/**
 * A way to send one text to one mobile phone: SMPP 3.4 first ({@code internal.SmppChannel}); an HTTP gateway
 * can follow behind the same interface.
 */
public interface SmsChannel {

  /**
   * Sends the text, split as the protocol allows, under the app's stable id of the message: a resend after a
   * crash carries the same id, so that a gateway or the test's server can tell it is the same message.
   *
   * @param mobile a normalised mainland mobile number ({@link MobileNumbers#normalise})
   * @return the gateway's id of the message, which its delivery receipt names
   * @throws IOException the gateway refused, did not answer in time, or was not reached: retry later
   */
  String send(String messageId, String mobile, String text) throws IOException;
}
