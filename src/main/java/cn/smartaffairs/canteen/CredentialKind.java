package cn.smartaffairs.canteen;

import java.util.Optional;

/** The ways to reach an account (the {@code canteen_credential.kind} CHECK): a card, a QR secret, a face identity. */
enum CredentialKind {
  CARD, QR, FACE;

  /**
   * What a manager may register beside the card (cards have their own replacement), read from a form's text; empty
   * for anything else.
   */
  static Optional<CredentialKind> registrable(String text) {
    if (QR.name().equals(text)) {
      return Optional.of(QR);
    }
    return FACE.name().equals(text) ? Optional.of(FACE) : Optional.empty();
  }
}
