import { ksp24 } from '@ksp/domain/fixtures';
import { describe, expect, it } from 'vitest';
import { currentNodeId, dropPlace, moveNodeInto, moveTargets } from '../src/features/editor/treeMoves';

describe('tree moves between parents', () => {
  it('knows where a drop on another parent puts a performance or question, and refuses the rest', () => {
    expect(dropPlace('p:waiting/call_back', 'a:overall')).toEqual({ into: 'a:overall' });
    expect(dropPlace('p:waiting/call_back', 'p:overall/referral')).toEqual({
      into: 'a:overall',
      before: 'p:overall/referral',
    });
    expect(dropPlace('q:agent/listening/agent_listening', 'p:overall/referral')).toEqual({
      into: 'p:overall/referral',
    });
    // Its own parent is a sibling move (the tree's), an area holds no questions, options stay in their question.
    expect(dropPlace('p:waiting/call_back', 'a:waiting')).toBeNull();
    expect(dropPlace('q:agent/listening/agent_listening', 'a:overall')).toBeNull();
    expect(dropPlace('a:waiting', 'a:overall')).toBeNull();
    expect(
      dropPlace('o:agent/listening/agent_listening/yes', 'q:overall/referral/overall_referred_to_website'),
    ).toBeNull();
  });

  it('moves into the new parent (before a sibling) and gives the new node id', () => {
    const moved = moveNodeInto(ksp24, 'p:waiting/call_back', 'a:overall', 'p:overall/referral');
    expect(moved.id).toBe('p:overall/call_back');
    const overall = moved.edition.areas.find((a) => a.key === 'overall')?.performances ?? [];
    const keys = [...overall].sort((a, b) => a.order - b.order).map((p) => p.key);
    expect(keys.indexOf('call_back')).toBe(keys.indexOf('referral') - 1);
    expect(currentNodeId(ksp24, moved.id)).toBe('p:waiting/call_back');
    expect(currentNodeId(ksp24, 'p:nowhere/gone')).toBeNull();
  });

  it('offers every other parent as a target', () => {
    const targets = moveTargets(ksp24, 'p:waiting/call_back').map((target) => target.id);
    expect(targets).toHaveLength(ksp24.areas.length - 1);
    expect(targets).not.toContain('a:waiting');
    expect(targets.slice(0, 3)).toEqual(['a:welcome', 'a:agent', 'a:overall']);
    const questionTargets = moveTargets(ksp24, 'q:agent/listening/agent_listening');
    expect(questionTargets.map((target) => target.id)).not.toContain('p:agent/listening');
    expect(questionTargets.find((target) => target.id === 'p:overall/referral')?.group).toBe('overall');
  });
});
