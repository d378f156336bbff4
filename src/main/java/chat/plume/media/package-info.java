/**
 * Uploads and downloads of images, files and avatars.
 *
 * <ul>
 *   <li>Uploads are streamed to a temporary file while counted and hashed; past the limit for
 *       their kind they are cut off (413) and nothing is left on disk.</li>
 *   <li>The type is decided by the bytes ({@link chat.plume.media.ContentSniffer}), never by the
 *       client's name or MIME type. Images are decoded (pixel limit first), re-encoded without
 *       their metadata (EXIF location included) and get a thumbnail.</li>
 *   <li>Storage ({@link chat.plume.media.MediaStore}) keeps each distinct content once, under its
 *       SHA-256; the filesystem implementation lives under the data directory.</li>
 *   <li>Only the uploader and the people in the conversation may download, and a recalled
 *       message takes its media with it; images are served inline with {@code nosniff}, all else
 *       as an attachment with a safe {@code Content-Disposition}, under a sandboxing CSP.</li>
 * </ul>
 *
 * <p>A leaf: it depends on no feature but {@code identity}. What it must know of conversations
 * and groups it asks through interfaces of its own ({@link chat.plume.media.ConversationAccess},
 * {@link chat.plume.media.GroupAvatars}) that those features implement.
 */
package chat.plume.media;
