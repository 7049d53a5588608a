package io.shoal.proxyprotocol;

/** A PROXY header that breaks the specification; the message says which byte and what was expected. */
public final class ProxyProtocolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProxyProtocolException(String message) {
    super(message);
  }
}
