package org.proposalhandling.sms;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.jsmpp.util.RandomMessageIDGenerator;
import org.proposalhandling.sms.internal.SmppChannel;
import org.proposalhandling.sms.internal.Ucs2Segments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SMPP 3.4 server that catches every text (jSMPP's server side): the demo profile's gateway (/dev/sms) and the
 * tests'. It binds any account, joins concatenated segments, answers each with a message id and, where the last
 * segment asks for one, sends a delivery receipt (DELIVRD). It can play a broken gateway: one that refuses
 * binds, or one that accepts the connection and never answers.
 */
public final class SmppCatcher implements AutoCloseable {

  /** How the catcher answers a bind. */
  public enum Behaviour { ANSWER, REFUSE_BINDS, NEVER_ANSWER }

  /** A text as it arrived: the app's id (TLV), the gateway's id, to whom, the joined text, its segments. */
  public record Caught(String clientId, String gatewayId, String to, String text, int segments, Instant at) {
  }

  private static final Logger LOG = LoggerFactory.getLogger(SmppCatcher.class);
  private static final int ESME_RBINDFAIL = 0x0D;
  private static final long BIND_WAIT_MILLIS = 5_000;

  private final SMPPServerSessionListener listener;
  private final ExecutorService sessions = Executors.newCachedThreadPool(daemon("smpp-catcher"));
  private final List<Caught> caught = new CopyOnWriteArrayList<>();
  private final List<SMPPServerSession> open = new CopyOnWriteArrayList<>();
  private final Map<String, List<byte[]>> partial = new ConcurrentHashMap<>();
  private final RandomMessageIDGenerator ids = new RandomMessageIDGenerator();
  private volatile Behaviour behaviour = Behaviour.ANSWER;
  private volatile boolean running = true;

  public SmppCatcher(int port) throws IOException {
    listener = new SMPPServerSessionListener(port, new LoopbackOnly());
    listener.setMessageReceiverListener(new Receiver());
    sessions.execute(this::acceptLoop);
  }

  public int port() {
    return listener.getPort();
  }

  public void behave(Behaviour behaviour) {
    this.behaviour = behaviour;
    if (behaviour != Behaviour.ANSWER) {
      open.forEach(SMPPServerSession::close);
      open.clear();
    }
  }

  /** The texts caught so far, oldest first. */
  public List<Caught> caught() {
    return List.copyOf(caught);
  }

  public void clear() {
    caught.clear();
  }

  @Override
  public void close() {
    running = false;
    open.forEach(SMPPServerSession::close);
    try {
      listener.close();
    } catch (IOException e) {
      LOG.debug("Closing the SMPP catcher's socket", e);
    }
    sessions.shutdownNow();
  }

  private void acceptLoop() {
    while (running) {
      try {
        SMPPServerSession session = listener.accept();
        sessions.execute(() -> bind(session));
      } catch (IOException e) {
        if (running) {
          LOG.warn("The SMPP catcher stopped accepting", e);
        }
        return;
      }
    }
  }

  private void bind(SMPPServerSession session) {
    Behaviour now = behaviour;
    if (now == Behaviour.NEVER_ANSWER) {
      return;  // the connection stays open, the bind unanswered
    }
    try {
      BindRequest request = session.waitForBind(BIND_WAIT_MILLIS);
      if (now == Behaviour.REFUSE_BINDS) {
        request.reject(ESME_RBINDFAIL);
        session.close();
        return;
      }
      request.accept("catcher");
      open.add(session);
    } catch (TimeoutException | IOException | org.jsmpp.PDUStringException e) {
      LOG.debug("An SMPP bind that did not complete", e);
      session.close();
    }
  }

  private void receive(SubmitSm submit, SMPPServerSession session, MessageId gatewayId) {
    OptionalParameter clientTag = submit.getOptionalParameter(SmppChannel.CLIENT_MESSAGE_ID_TAG);
    String clientId = clientTag instanceof OptionalParameter.OctetString octets
        ? new String(octets.getValue(), StandardCharsets.US_ASCII) : null;
    byte[] message = submit.getShortMessage();
    String text;
    int segments = 1;
    if (submit.isUdhi()) {
      String key = submit.getDestAddress() + ":" + (message[3] & 0xff);
      List<byte[]> parts = partial.computeIfAbsent(key, k -> new ArrayList<>());
      parts.add(message);
      segments = message[4] & 0xff;
      if (parts.size() < segments) {
        return;
      }
      partial.remove(key);
      StringBuilder joined = new StringBuilder();
      parts.stream().sorted((a, b) -> Integer.compare(a[5] & 0xff, b[5] & 0xff))
          .forEach(part -> joined.append(Ucs2Segments.text(part, true)));
      text = joined.toString();
    } else {
      text = Ucs2Segments.text(message, false);
    }
    caught.add(new Caught(clientId, gatewayId.getValue(), submit.getDestAddress(), text, segments, Instant.now()));
    if (submit.isSmscDelReceiptSuccessAndFailureRequested()) {
      sessions.execute(() -> sendReceipt(session, submit, gatewayId));
    }
  }

  private static void sendReceipt(SMPPServerSession session, SubmitSm submit, MessageId gatewayId) {
    Date now = new Date();
    DeliveryReceipt receipt = new DeliveryReceipt(gatewayId.getValue(), 1, 1, now, now, DeliveryReceiptState.DELIVRD, "000", "");
    try {
      session.deliverShortMessage("", TypeOfNumber.NATIONAL, NumberingPlanIndicator.ISDN, submit.getDestAddress(),
          TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, submit.getSourceAddr(),
          new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT), (byte) 0, (byte) 0,
          new RegisteredDelivery(0), DataCodings.ZERO, receipt.toString().getBytes(StandardCharsets.US_ASCII));
    } catch (Exception e) {
      LOG.warn("The SMPP catcher could not send a delivery receipt", e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The catcher listens on 127.0.0.1 only, as the demo's mail catcher does: no one else reaches it. */
  private static final class LoopbackOnly implements ServerConnectionFactory {

    @Override
    public ServerConnection listen(int port) throws IOException {
      return listen(port, 0, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout) throws IOException {
      return listen(port, timeout, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
      ServerSocket socket = new ServerSocket(port, backlog, InetAddress.getLoopbackAddress());
      socket.setSoTimeout(timeout);
      return new ServerSocketConnection(socket);
    }
  }

  /** Takes submit_sm; refuses what a catcher of texts has no use for. */
  private final class Receiver implements ServerMessageReceiverListener {

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession session) {
      MessageId gatewayId = ids.newMessageId();
      receive(submit, session, gatewayId);
      return new SubmitSmResult(gatewayId, new OptionalParameter[0]);
    }

    @Override
    public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
      throw unsupported();
    }

    @Override
    public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
      throw unsupported();
    }

    @Override
    public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
      throw unsupported();
    }

    @Override
    public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
      throw unsupported();
    }

    @Override
    public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
      throw unsupported();
    }

    @Override
    public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
      throw unsupported();
    }

    @Override
    public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
        throws ProcessRequestException {
      throw unsupported();
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
      throw unsupported();
    }

    private ProcessRequestException unsupported() {
      return new ProcessRequestException("not supported by the catcher", 0x03);
    }
  }
}
