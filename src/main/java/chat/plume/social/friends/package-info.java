/**
 * Friends: requests, friendships (two rows, one per side, each with its owner's remark and
 * contact group), contact groups, and blocks. Deleting a friend ends the friendship for both
 * sides, and blocking someone ends it too (see docs/authorization.md for why).
 */
package chat.plume.social.friends;
