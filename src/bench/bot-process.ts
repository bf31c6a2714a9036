import { openApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { composeTelegram } from '../telegram.ts';
import { type Latency, latencyOf } from './stats.ts';
import { BENCH_BOT_INFO, captureBotApi, textUpdate } from './telegram-capture.ts';

/**
 * The bot as `npm start` assembles it (src/telegram.ts), in a process of its own so that its memory is
 * measured without the harness's: started, left at rest, asked questions one at a time, then by many chats
 * at once. Run by `npm run bench` with its job as JSON in argv[2]; prints the figures as JSON.
 */

export interface BotJob {
  /** The configuration's variables: the database (already indexed), access for the askers. */
  env: Record<string, string>;
  questions: string[];
  /** Questions asked one after another, for the latency of one question through the bot. */
  sequential: number;
  chats: number;
  questionsPerChat: number;
}

export interface BotFigures {
  /** Resident memory after start-up, before any question, in MB. */
  restRssMb: number;
  /** Highest resident memory of the process while answering, in MB. */
  peakRssMb: number;
  /** One update at a time: guard, retrieval, answer, storage, formatting and the (captured) replies. */
  perQuestion: Latency;
  /** Every chat asking its questions one after another, all chats at once. */
  concurrent: { chats: number; questions: number; seconds: number; perSecond: number; latency: Latency };
  messagesSent: number;
  /** Every run's questions per second, when the bot was measured more than once (see measureBotRuns). */
  perSecondRuns?: number[];
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 102.4) / 10;
const settle = () => new Promise((resolve) => setTimeout(resolve, 1000));

async function main(job: BotJob): Promise<BotFigures> {
  const config = loadConfig(job.env);
  const app = await openApp(config);
  try {
    const telegram = composeTelegram(app, config, 'bench', createLogger('silent'), {
      botInfo: BENCH_BOT_INFO,
      pace: false,
    });
    const sent = captureBotApi(telegram.bot);
    await telegram.bot.init();
    await settle();
    const restRssMb = mb(process.memoryUsage().rss);
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const users = Array.from({ length: job.chats }, (_, i) => 5_000_001 + i);
    const question = (i: number) => job.questions[i % job.questions.length] as string;

    const one: number[] = [];
    for (let i = 0; i < job.sequential; i += 1) {
      const started = performance.now();
      await telegram.bot.handleUpdate(textUpdate(users[i % users.length] as number, question(i)));
      one.push(performance.now() - started);
    }

    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      users.map(async (user, u) => {
        for (let q = 0; q < job.questionsPerChat; q += 1) {
          const asked = performance.now();
          await telegram.bot.handleUpdate(textUpdate(user, question(u * job.questionsPerChat + q)));
          latencies.push(performance.now() - asked);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const questions = job.chats * job.questionsPerChat;
    return {
      restRssMb,
      peakRssMb: mb(Math.max(peak, process.memoryUsage().rss)),
      perQuestion: latencyOf(one),
      concurrent: {
        chats: job.chats,
        questions,
        seconds: Math.round(seconds * 100) / 100,
        perSecond: Math.round(questions / seconds),
        latency: latencyOf(latencies),
      },
      messagesSent: sent.messages,
    };
  } finally {
    await app.close();
  }
}

const figures = await main(JSON.parse(process.argv[2] ?? '{}') as BotJob);
process.stdout.write(`${JSON.stringify(figures)}\n`);
