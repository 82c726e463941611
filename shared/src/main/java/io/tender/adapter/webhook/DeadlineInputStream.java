package io.tender.adapter.webhook;

import java.io.FilterInputStream;
import java.io.IOException;
import java.net.Socket;

/**
 * Reads from a socket with the read timeout shrunk to what is left of the attempt before every
 * read, so a server that trickles one byte at a time cannot stretch an attempt past its deadline.
 */
final class DeadlineInputStream extends FilterInputStream {
  private final Socket socket;
  private final Deadline deadline;

  DeadlineInputStream(Socket socket, Deadline deadline) throws IOException {
    super(socket.getInputStream());
    this.socket = socket;
    this.deadline = deadline;
  }

  @Override
  public int read() throws IOException {
    socket.setSoTimeout(deadline.remainingMillis());
    return super.read();
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    socket.setSoTimeout(deadline.remainingMillis());
    return super.read(buffer, offset, length);
  }
}
