CREATE TABLE sb_user (
  username     VARCHAR(64)  NOT NULL PRIMARY KEY,
  display_name VARCHAR(256) NOT NULL,
  email        VARCHAR(256) NOT NULL,
  created_at   TIMESTAMP    NOT NULL
);
CREATE TABLE sb_user_credential (
  username  VARCHAR(64)  NOT NULL REFERENCES sb_user(username) ON DELETE CASCADE,
  realm     VARCHAR(256) NOT NULL,
  algorithm VARCHAR(16)  NOT NULL,
  ha1       VARCHAR(128) NOT NULL,
  PRIMARY KEY (username, realm, algorithm)
);
CREATE TABLE sb_location (
  aor          VARCHAR(512)  NOT NULL,
  binding_key  VARCHAR(1024) NOT NULL,
  contact      VARCHAR(2048) NOT NULL,
  instance_id  VARCHAR(256)  NOT NULL,
  reg_id       INTEGER       NOT NULL,
  q            REAL          NOT NULL,
  expires_at   BIGINT        NOT NULL,
  call_id      VARCHAR(512)  NOT NULL,
  cseq         BIGINT        NOT NULL,
  path         VARCHAR(4096) NOT NULL,
  transport    VARCHAR(8)    NOT NULL,
  remote_addr  VARCHAR(64)   NOT NULL,
  remote_port  INTEGER       NOT NULL,
  user_agent   VARCHAR(512)  NOT NULL,
  PRIMARY KEY (aor, binding_key)
);
