package io.tender.adapter.webhook;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A TCP server on 127.0.0.1 for one connection, answering whatever bytes a test needs. */
record RawServer(ServerSocket socket, Thread thread) implements AutoCloseable {
  interface Behaviour {
    void answer(OutputStream out) throws IOException;
  }

  /** Reads the request head (up to the blank line) first, then lets {@code behaviour} answer. */
  static RawServer afterRequestHead(Behaviour behaviour) throws IOException {
    return start(true, behaviour);
  }

  /** Answers as soon as the connection is accepted, whatever the client sends. */
  static RawServer onConnect(Behaviour behaviour) throws IOException {
    return start(false, behaviour);
  }

  private static RawServer start(boolean readHeadFirst, Behaviour behaviour) throws IOException {
    ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    Thread thread = Thread.ofVirtual().start(() -> {
      try (Socket client = socket.accept()) {
        if (readHeadFirst) {
          readHead(client);
        }
        behaviour.answer(client.getOutputStream());
      } catch (IOException e) {
        // The client hung up first: what some tests provoke.
      }
    });
    return new RawServer(socket, thread);
  }

  private static void readHead(Socket client) throws IOException {
    int matched = 0; // how much of CR LF CR LF has been seen in a row
    while (matched < 4) {
      int b = client.getInputStream().read();
      if (b < 0) {
        return;
      }
      boolean expected = b == (matched % 2 == 0 ? '\r' : '\n');
      matched = expected ? matched + 1 : b == '\r' ? 1 : 0;
    }
  }

  int port() {
    return socket.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    thread.interrupt();
  }
}
