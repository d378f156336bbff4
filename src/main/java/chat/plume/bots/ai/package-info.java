/**
 * The AI assistant: a built-in bot ({@code @plume_ai}) backed by any OpenAI-compatible
 * chat-completions server (llama.cpp, Ollama, vLLM or a hosted one), present only when
 * {@code plume.ai.base-url} is set. It answers in a chat with it and when mentioned in a group,
 * with the last messages of that conversation it can see as context, and streams its answer by
 * editing its own message. It acts through messaging's boundaries like any bot.
 */
package chat.plume.bots.ai;
