/** One agent as assignment sees them: online, with their load against their cap. */
export interface AgentSlot {
  userId: string;
  teamIds: string[];
  skills: string[];
  languages: string[];
  maxTickets: number;
  load: number;
}

export interface WaitingTicket {
  id: string;
  teamId: string;
  language: string | null;
  tags: string[];
  /** The agent who last had this customer, for sticky assignment. */
  previousAgentId: string | null;
}

export type Strategy = 'least_loaded' | 'round_robin';

/**
 * Pure choice of an agent for one ticket among the team's online agents, or undefined to keep it waiting.
 * Never over cap. Language and skills narrow the choice whenever someone online in the team has them
 * (the ticket then waits for them rather than going to someone who cannot read it); skills are the
 * ticket's tags that name a skill some member of the team has. The previous agent wins when eligible.
 */
export function chooseAgent(
  ticket: WaitingTicket,
  agents: readonly AgentSlot[],
  team: { strategy: Strategy; lastAssignedUserId: string | null },
): AgentSlot | undefined {
  const members = agents.filter((a) => a.teamIds.includes(ticket.teamId));
  let eligible = members;
  const language = ticket.language;
  if (language && members.some((a) => a.languages.includes(language))) {
    eligible = eligible.filter((a) => a.languages.includes(language));
  }
  const teamSkills = new Set(members.flatMap((a) => a.skills));
  const required = ticket.tags.filter((tag) => teamSkills.has(tag));
  if (required.length > 0 && members.some((a) => required.every((s) => a.skills.includes(s)))) {
    eligible = eligible.filter((a) => required.every((s) => a.skills.includes(s)));
  }
  const free = eligible.filter((a) => a.load < a.maxTickets).sort((a, b) => (a.userId < b.userId ? -1 : 1));
  const sticky = free.find((a) => a.userId === ticket.previousAgentId);
  if (sticky || free.length === 0) {
    return sticky;
  }
  // Round robin: the next one after the last assigned; least loaded breaks ties the same way.
  const afterLast = (a: AgentSlot) =>
    team.lastAssignedUserId !== null && a.userId > team.lastAssignedUserId ? 0 : 1;
  const inTurn = [...free].sort((a, b) => afterLast(a) - afterLast(b));
  if (team.strategy === 'round_robin') {
    return inTurn[0];
  }
  return inTurn.reduce((best, a) => (a.load < best.load ? a : best));
}
