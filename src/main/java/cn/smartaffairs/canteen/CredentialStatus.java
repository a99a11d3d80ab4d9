package cn.smartaffairs.canteen;

/** Whether a card, QR secret or face still reaches its account (the {@code canteen_credential.status} CHECK). */
enum CredentialStatus {
  ACTIVE, LOST, REVOKED
}
