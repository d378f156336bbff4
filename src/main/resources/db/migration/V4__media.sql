-- Media: uploaded images and files (stored by content hash, once however often uploaded),
-- image and file messages, and avatars for people and groups.

CREATE SEQUENCE media_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE media (
    id              BIGINT       NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    -- SHA-256 of the stored bytes: the file's name in storage. Never the client's name.
    content_hash    VARCHAR(64)  NOT NULL,
    content_type    VARCHAR(100) NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    -- What the uploader called it, cleaned up; only ever shown, and sent encoded in
    -- Content-Disposition, never used as a path.
    original_name   VARCHAR(255) NOT NULL,
    width           INTEGER,
    height          INTEGER,
    thumbnail_hash  VARCHAR(64),
    uploader_id     BIGINT       NOT NULL,
    conversation_id BIGINT,
    created_at      TIMESTAMP    NOT NULL,
    CONSTRAINT pk_media PRIMARY KEY (id),
    CONSTRAINT fk_media_uploader FOREIGN KEY (uploader_id) REFERENCES account (id),
    CONSTRAINT fk_media_conversation FOREIGN KEY (conversation_id) REFERENCES conversation (id),
    CONSTRAINT ck_media_kind CHECK (kind IN ('IMAGE', 'FILE', 'AVATAR'))
);
CREATE INDEX ix_media_uploader ON media (uploader_id, created_at);

ALTER TABLE message ADD COLUMN media_id BIGINT;
ALTER TABLE message ADD CONSTRAINT fk_message_media FOREIGN KEY (media_id) REFERENCES media (id);
ALTER TABLE message DROP CONSTRAINT ck_message_kind;
ALTER TABLE message ADD CONSTRAINT ck_message_kind CHECK (kind IN ('TEXT', 'SYSTEM', 'IMAGE', 'FILE'));
CREATE INDEX ix_message_media ON message (media_id);

ALTER TABLE account ADD COLUMN avatar_media_id BIGINT;
ALTER TABLE chat_group ADD COLUMN avatar_media_id BIGINT;
