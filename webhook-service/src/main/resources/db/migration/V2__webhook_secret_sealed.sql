-- Signing secrets sealed at rest (AES-256-GCM, it.percorsi.webhook.endpoint.SecretCipher): the
-- stored form is longer than the secret.
ALTER TABLE webhook_secret ALTER COLUMN secret TYPE VARCHAR(400);
