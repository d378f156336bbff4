/** HTTP concerns shared by every response: security headers and caching of the page's assets. */
package chat.plume.platform.web;
