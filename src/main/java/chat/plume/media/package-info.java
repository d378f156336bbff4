/**
 * Uploads and downloads of images, files and avatars: storage under server-generated names,
 * thumbnails, content sniffing and size limits.
 *
 * <p>It never trusts a client's filename or content type. Arrives with the media issue.
 */
package chat.plume.media;
