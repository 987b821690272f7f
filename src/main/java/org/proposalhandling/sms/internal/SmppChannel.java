package org.proposalhandling.sms.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.connection.socket.SocketConnection;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.proposalhandling.sms.MobileNumbers;
import org.proposalhandling.sms.SmsChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * SMPP 3.4 through jSMPP: one session, bound on first use and again after it broke, used by one send at a time.
 * Each text goes as UCS2 segments ({@link Ucs2Segments}); the last one asks for a delivery receipt, whose gateway
 * id is the one returned (a transceiver session receives the receipt, {@link SmsReceipts} records it). The app's
 * message id travels in the vendor-specific TLV {@value #CLIENT_MESSAGE_ID_TAG} (SMPP has no field of its own
 * for it) and sets the segments' reference, so that a resend after a crash is recognisably the same message.
 * Every wait is bounded (connect, bind, each response): a gateway that refuses or never answers costs one
 * failed attempt, which the outbox retries.
 */
@Component
public class SmppChannel implements SmsChannel, DisposableBean {

  /** The TLV that carries the app's message id, from the vendor-specific range 0x1400–0x3FFF of SMPP 3.4. */
  public static final short CLIENT_MESSAGE_ID_TAG = 0x1501;
  private static final Logger LOG = LoggerFactory.getLogger(SmppChannel.class);

  private final SmsProperties properties;
  private final SmsReceipts receipts;
  private SMPPSession session;

  SmppChannel(SmsProperties properties, SmsReceipts receipts) {
    this.properties = properties;
    this.receipts = receipts;
  }

  @Override
  public synchronized String send(String messageId, String mobile, String text) throws IOException {
    List<byte[]> segments = Ucs2Segments.of(text, messageId.hashCode());
    SMPPSession bound = bound();
    String gatewayId = null;
    try {
      for (int i = 0; i < segments.size(); i++) {
        boolean last = i == segments.size() - 1;
        gatewayId = bound.submitShortMessage(properties.systemType(), TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN,
            properties.sourceAddress(), TypeOfNumber.NATIONAL, NumberingPlanIndicator.ISDN, mobile,
            new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, segments.size() > 1 ? GSMSpecificFeature.UDHI : GSMSpecificFeature.DEFAULT),
            (byte) 0, (byte) 1, null, null,
            new RegisteredDelivery(last ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT),
            (byte) 0, new GeneralDataCoding(Alphabet.ALPHA_UCS2), (byte) 0, segments.get(i),
            new OptionalParameter.OctetString(CLIENT_MESSAGE_ID_TAG, messageId.getBytes(StandardCharsets.US_ASCII)))
            .getMessageId();
      }
    } catch (PDUException | ResponseTimeoutException | InvalidResponseException | NegativeResponseException e) {
      // The session may be out of step with the gateway after a timeout: the next text binds afresh.
      close();
      throw new IOException("短信网关未接受发往 " + MobileNumbers.mask(mobile) + " 的短信：" + e, e);
    } catch (IOException e) {
      close();
      throw e;
    }
    return gatewayId;
  }

  private SMPPSession bound() throws IOException {
    if (session != null && session.getSessionState().isBound()) {
      return session;
    }
    close();
    SMPPSession opened = new SMPPSession((host, port) -> {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress(host, port), (int) properties.connectTimeout().toMillis());
      return new SocketConnection(socket);
    });
    opened.setTransactionTimer(properties.responseTimeout().toMillis());
    opened.setMessageReceiverListener(new Receipts());
    BindType bindType = properties.bindType() == SmsProperties.BindMode.TRANSMITTER ? BindType.BIND_TX : BindType.BIND_TRX;
    try {
      opened.connectAndBind(properties.host(), properties.port(), new BindParameter(bindType, properties.systemId(),
          properties.password(), properties.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
          properties.bindTimeout().toMillis());
    } catch (IOException e) {
      opened.close();
      throw new IOException("无法登录短信网关 " + properties.host() + ":" + properties.port() + "：" + e.getMessage(), e);
    }
    session = opened;
    return session;
  }

  private synchronized void close() {
    if (session != null) {
      session.close();
      session = null;
    }
  }

  @Override
  public void destroy() {
    close();
  }

  /** The delivery receipts the gateway sends on a transceiver session. */
  private final class Receipts implements MessageReceiverListener {

    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
      if (!deliverSm.isSmscDeliveryReceipt()) {
        return;  // a text sent to the app: nothing in the app answers texts
      }
      try {
        DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
        receipts.record(receipt.getId(), receipt.getFinalStatus().name());
      } catch (InvalidDeliveryReceiptException e) {
        LOG.warn("An unreadable delivery receipt from the SMS gateway: {}", e.getMessage());
      }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {
      // Only for gateways that queue texts to phones that were away: the app asks for none.
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
      throw new ProcessRequestException("data_sm not supported", 0x00000003);
    }
  }
}
