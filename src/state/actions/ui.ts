import type { ActionContext } from './context.ts';
import type { BoardMemory } from '../../core/chips/types.ts';
import type { BottomTab, DialogId, Notice, Stage, Theme } from '../types.ts';

/** View state: selection, panels, theme, dialogs and notices. None of it is an undo step. */
export function uiActions({ store }: ActionContext) {
  return {
    select(id: string | null): void {
      if (store.getState().selectedId !== id) store.setState({ selectedId: id });
    },
    setTab(bottomTab: BottomTab): void {
      store.setState({ bottomTab });
    },
    setStage(stage: Stage): void {
      store.setState({ stage });
    },
    /** The connected board's heap figures (null on disconnect): the budget switches to them. */
    setBoard(board: BoardMemory | null): void {
      store.setState({ board });
    },
    setTheme(theme: Theme): void {
      store.setState({ theme });
    },
    openDialog(dialog: DialogId): void {
      store.setState({ dialog });
    },
    notify(notice: Notice | null): void {
      store.setState({ notice });
    },
  };
}

export type UiActions = ReturnType<typeof uiActions>;
